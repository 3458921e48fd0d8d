// Postern's only script: sends the CSRF token with every htmx request, asks for
// confirmation on forms marked with data-confirm, and copies DNS records to the
// clipboard. No inline script is needed anywhere, so the Content-Security-Policy can
// forbid it.
(function () {
	'use strict';

	function meta(name) {
		var element = document.querySelector('meta[name="' + name + '"]');
		return element ? element.getAttribute('content') : null;
	}

	document.addEventListener('htmx:configRequest', function (event) {
		var header = meta('csrf-header');
		var token = meta('csrf-token');
		if (header && token) {
			event.detail.headers[header] = token;
		}
	});

	// A button with data-copy="id" copies the text of the element with that id
	document.addEventListener('click', function (event) {
		var button = event.target.closest('[data-copy]');
		var source = button && document.getElementById(button.getAttribute('data-copy'));
		if (source && navigator.clipboard) {
			navigator.clipboard.writeText(source.textContent);
		}
	});

	document.addEventListener('submit', function (event) {
		var question = event.target.getAttribute('data-confirm');
		if (question && !window.confirm(question)) {
			event.preventDefault();
		}
	});
})();
