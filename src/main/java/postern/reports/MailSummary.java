package postern.reports;

/**
 * What identifies a mail to the admin.
 *
 * @param messageId its Message-ID
 * @param sender its From address
 * @param subject its subject
 */
record MailSummary(String messageId, String sender, String subject) {
}
