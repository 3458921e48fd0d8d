package postern.health;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HealthResultRepository extends JpaRepository<HealthResult, Long> {

	List<HealthResult> findByRunIdOrderById(Long runId);

	/**
	 * The results of the latest run that checked each subject.
	 * @return the results
	 */
	@Query("""
			select r from HealthResult r
			where r.runId = (select max(o.runId) from HealthResult o where o.subject = r.subject)
			order by r.subject, r.id
			""")
	List<HealthResult> latest();

	@Query("""
			select r from HealthResult r
			where r.subject = :subject
			  and r.runId = (select max(o.runId) from HealthResult o where o.subject = :subject)
			order by r.id
			""")
	List<HealthResult> latestOf(@Param("subject") String subject);

	/**
	 * Earlier results of one check at one address, newest first.
	 * @param subject the subject
	 * @param check the check
	 * @param address the address it was made at, or {@code null} for a check made once
	 * for its subject
	 * @param runId results of runs before this one
	 * @param pageable how many
	 * @return the results
	 */
	@Query("""
			select r from HealthResult r
			where r.subject = :subject and r.check = :check and r.runId < :runId
			  and (r.address = :address or (r.address is null and :address is null))
			order by r.runId desc
			""")
	List<HealthResult> earlier(@Param("subject") String subject, @Param("check") String check,
			@Param("address") String address, @Param("runId") Long runId,
			org.springframework.data.domain.Pageable pageable);

	/**
	 * How many earlier MTA-STS results saw another policy under the same id.
	 * @param subject the mail domain
	 * @param id the id of its {@code _mta-sts} record now
	 * @param digest the digest of the policy served now
	 * @param runId results of runs before this one
	 * @return the count; more than none means the policy changed while the id did not
	 */
	@Query("""
			select count(r) from HealthResult r
			where r.subject = :subject and r.check = 'mta-sts' and r.runId < :runId
			  and r.stsId = :id and r.policyDigest <> :digest
			""")
	long otherPoliciesUnderId(@Param("subject") String subject, @Param("id") String id, @Param("digest") String digest,
			@Param("runId") Long runId);

}
