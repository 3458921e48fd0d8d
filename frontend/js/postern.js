// Postern's only script: sends the CSRF token with every htmx request, and asks for
// confirmation on forms marked with data-confirm. No inline script is needed anywhere,
// so the Content-Security-Policy can forbid it.
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

	// Site forms: show only the fields of the chosen kind (all stay in the page without
	// JavaScript).
	function showKindFields(select) {
		var form = select.form;
		form.querySelectorAll('fieldset[data-kinds]').forEach(function (fieldset) {
			fieldset.hidden = fieldset.getAttribute('data-kinds').split(' ').indexOf(select.value) < 0;
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		document.querySelectorAll('form.site-form select[name="kind"]').forEach(showKindFields);
	});

	document.addEventListener('change', function (event) {
		if (event.target.matches('form.site-form select[name="kind"]')) {
			showKindFields(event.target);
		}
	});

	document.addEventListener('submit', function (event) {
		var question = event.target.getAttribute('data-confirm');
		if (question && !window.confirm(question)) {
			event.preventDefault();
		}
	});
})();
