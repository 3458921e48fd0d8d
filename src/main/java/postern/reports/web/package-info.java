/**
 * The report pages: every domain, one domain's senders and days, the mailbox settings,
 * and "Fetch now".
 */
package postern.reports.web;
