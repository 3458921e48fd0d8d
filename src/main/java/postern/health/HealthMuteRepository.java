package postern.health;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface HealthMuteRepository extends JpaRepository<HealthMute, Long> {

	List<HealthMute> findByUntilGreaterThanEqual(LocalDate today);

	Optional<HealthMute> findBySubjectAndCheck(String subject, String check);

}
