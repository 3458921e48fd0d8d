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

}
