package postern.hosts;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RemoteHostRepository extends JpaRepository<RemoteHost, Long> {

	List<RemoteHost> findAllByOrderByNameAsc();

	boolean existsByNameIgnoreCase(String name);

	boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);

}
