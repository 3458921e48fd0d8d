/**
 * DMARC aggregate and TLS-RPT reports: read from one mailbox over IMAPS, parsed with
 * limits fit for files from anyone on the internet, stored once per report, and shown per
 * domain with the senders that pass or fail.
 */
package postern.reports;
