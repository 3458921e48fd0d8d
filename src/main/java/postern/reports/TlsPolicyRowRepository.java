package postern.reports;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TlsPolicyRowRepository extends JpaRepository<TlsPolicyRow, Long> {

	@Query("""
			select new postern.reports.TlsTotals(p.domain, sum(p.successful), sum(p.failed))
			from TlsPolicyRow p where p.day >= :since group by p.domain""")
	List<TlsTotals> totals(@Param("since") LocalDate since);

}
