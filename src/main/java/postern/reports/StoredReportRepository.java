package postern.reports;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StoredReportRepository extends JpaRepository<StoredReport, Long> {

	boolean existsByReporterAndReportId(String reporter, String reportId);

	@Query("""
			select new postern.reports.ReporterCount(r.reporter, r.kind, count(distinct r.id), sum(d.messages))
			from StoredReport r, DmarcRow d where d.reportRef = r.id and d.domain = :domain and d.day >= :since
			group by r.reporter, r.kind order by r.reporter""")
	List<ReporterCount> dmarcReporters(@Param("domain") String domain, @Param("since") LocalDate since);

	@Query("""
			select new postern.reports.ReporterCount(r.reporter, r.kind, count(distinct r.id),
			sum(p.successful + p.failed))
			from StoredReport r, TlsPolicyRow p where p.reportRef = r.id and p.domain = :domain and p.day >= :since
			group by r.reporter, r.kind order by r.reporter""")
	List<ReporterCount> tlsReporters(@Param("domain") String domain, @Param("since") LocalDate since);

}
