/**
 * The rules several features share for names and addresses: domain names in their stored
 * ASCII form, mail addresses and their local parts, IP addresses as text. Depends on no
 * feature.
 */
package postern.names;
