package postern.reports;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReportFetchRepository extends JpaRepository<ReportFetch, Long> {

	Optional<ReportFetch> findFirstByOrderByIdDesc();

}
