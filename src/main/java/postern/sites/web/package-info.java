/**
 * The sites pages: list, new and edit forms per kind, raw edit and delete.
 */
package postern.sites.web;
