/**
 * Postern's root package: the application class and its settings; features live in
 * sub-packages.
 */
package postern;
