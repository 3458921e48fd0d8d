package postern.reports;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface UnreadableMessageRepository extends JpaRepository<UnreadableMessage, Long> {

	List<UnreadableMessage> findTop20ByOrderByIdDesc();

}
