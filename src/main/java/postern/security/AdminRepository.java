package postern.security;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AdminRepository extends JpaRepository<Admin, Long> {

	Optional<Admin> findByUsername(String username);

	List<Admin> findAllByOrderByUsernameAsc();

	/**
	 * Every admin, each row locked until the transaction ends: two admins removing each
	 * other at once take turns, so the second sees the first removal and is refused.
	 * @return the admins
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Admin a")
	List<Admin> lockAll();

}
