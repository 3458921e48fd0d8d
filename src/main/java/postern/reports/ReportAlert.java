package postern.reports;

/**
 * Something a new report says that the admin should hear of once.
 *
 * @param messageKey the message of the alert
 * @param arguments its arguments
 */
record ReportAlert(String messageKey, Object... arguments) {
}
