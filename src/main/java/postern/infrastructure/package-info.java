/**
 * Cross-cutting concerns: the layout's navigation and flash messages, the language
 * switch, error pages, and the column types that let one set of migrations serve H2 and
 * PostgreSQL.
 */
package postern.infrastructure;
