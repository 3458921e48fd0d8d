package postern.health;

/**
 * What a run saw of a domain's MTA-STS, kept with its {@code mta-sts} result: the digest
 * of the policy fetched and the id of the {@code _mta-sts} record. Ids are the admin's to
 * choose; only a policy that changed under an id seen before is wrong, since senders keep
 * the policy they cached for that id.
 *
 * @param policyDigest the SHA-256 of the policy text, in hex
 * @param id the id the record carried
 * @param newIdFix the record with a new id, proposed when the policy changed under this
 * id
 */
public record MtaStsSeen(String policyDigest, String id, String newIdFix) {

}
