package postern.reports;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TlsFailureRowRepository extends JpaRepository<TlsFailureRow, Long> {

	@Query("""
			select new postern.reports.TlsFailureCount(f.resultType, f.sendingMta, f.receivingMx, sum(f.sessions))
			from TlsFailureRow f where f.domain = :domain and f.day >= :since
			group by f.resultType, f.sendingMta, f.receivingMx order by sum(f.sessions) desc""")
	List<TlsFailureCount> failures(@Param("domain") String domain, @Param("since") LocalDate since);

}
