/**
 * Cross-cutting web concerns: the layout's navigation and flash messages, the language
 * switch, and error pages.
 */
package postern.infrastructure;
