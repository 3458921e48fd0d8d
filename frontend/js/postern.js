// Postern's only script: sends the CSRF token with every htmx request, asks for
// confirmation on forms marked with data-confirm, copies DNS records to the clipboard,
// and shows the data-error text of an element whose htmx request failed or timed out in
// place of its content. No inline script is needed anywhere, so the
// Content-Security-Policy can forbid it.
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

	function showError(event) {
		var element = event.detail.elt;
		var message = element ? element.getAttribute('data-error') : null;
		if (!message) {
			return;
		}
		var target = event.detail.target || element;
		var error = document.createElement('p');
		error.className = 'field-error';
		error.setAttribute('role', 'alert');
		error.textContent = message;
		var loading = target.querySelector('.loading');
		if (loading) {
			loading.replaceWith(error);
		}
		else {
			target.appendChild(error);
		}
	}

	['htmx:timeout', 'htmx:responseError', 'htmx:sendError'].forEach(function (name) {
		document.addEventListener(name, showError);
	});

	// A button with data-copy="id" copies the text of the element with that id
	document.addEventListener('click', function (event) {
		var button = event.target.closest('[data-copy]');
		var source = button && document.getElementById(button.getAttribute('data-copy'));
		if (source && navigator.clipboard) {
			navigator.clipboard.writeText(source.textContent);
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
