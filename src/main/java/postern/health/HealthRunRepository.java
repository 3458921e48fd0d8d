package postern.health;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface HealthRunRepository extends JpaRepository<HealthRun, Long> {

	Optional<HealthRun> findFirstByOrderByIdDesc();

	List<HealthRun> findAllByOrderByIdDesc(Pageable pageable);

	List<HealthRun> findByFinishedAtIsNull();

}
