package postern.change;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeRepository extends JpaRepository<Change, Long> {

	List<Change> findByState(ChangeState state);

	List<Change> findTop5ByStateOrderByFinishedAtDesc(ChangeState state);

}
