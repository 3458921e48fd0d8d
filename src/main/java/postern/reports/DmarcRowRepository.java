package postern.reports;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DmarcRowRepository extends JpaRepository<DmarcRow, Long> {

	boolean existsByDomainAndSourceIp(String domain, String sourceIp);

	@Query("""
			select new postern.reports.DomainTotals(d.domain, sum(d.messages),
			sum(case when d.passes = true then d.messages else 0 end),
			count(distinct case when d.passes = false then d.sourceIp end))
			from DmarcRow d where d.day >= :since group by d.domain""")
	List<DomainTotals> totals(@Param("since") LocalDate since);

	@Query("""
			select new postern.reports.SourceVerdicts(d.sourceIp, d.dkim, d.spf, d.passes, d.disposition,
			sum(d.messages))
			from DmarcRow d where d.domain = :domain and d.day >= :since
			group by d.sourceIp, d.dkim, d.spf, d.passes, d.disposition order by sum(d.messages) desc""")
	List<SourceVerdicts> sources(@Param("domain") String domain, @Param("since") LocalDate since);

	@Query("""
			select new postern.reports.DayCount(d.day, sum(case when d.passes = true then d.messages else 0 end),
			sum(case when d.passes = false then d.messages else 0 end))
			from DmarcRow d where d.domain = :domain and d.day >= :since group by d.day order by d.day""")
	List<DayCount> days(@Param("domain") String domain, @Param("since") LocalDate since);

}
