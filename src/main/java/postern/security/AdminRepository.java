package postern.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

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

	/**
	 * Count one password check of an account as a failure before it runs, in one
	 * statement, so parallel attempts each see the others: none is let through once the
	 * limit is reached or while the account is locked.
	 * @param username the account
	 * @param limit failed attempts that lock the account
	 * @param now the current time
	 * @return 1 when the check may run, 0 when it must not
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Admin a set a.failedAttempts = a.failedAttempts + 1 where a.username = :username"
			+ " and a.failedAttempts < :limit and (a.lockedUntil is null or a.lockedUntil <= :now)")
	int reserveAttempt(@Param("username") String username, @Param("limit") int limit, @Param("now") Instant now);

	/**
	 * Give back an attempt that ended neither way.
	 * @param username the account
	 * @return how many rows changed
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Admin a set a.failedAttempts = a.failedAttempts - 1 where a.username = :username"
			+ " and a.failedAttempts > 0")
	int releaseAttempt(@Param("username") String username);

	/**
	 * Lock an account whose counted failures reached the limit; of parallel failures,
	 * only one does.
	 * @param username the account
	 * @param limit failed attempts that lock the account
	 * @param until when the lock ends
	 * @return 1 for the failure that locked the account
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Admin a set a.failedAttempts = 0, a.lockedUntil = :until where a.username = :username"
			+ " and a.failedAttempts >= :limit")
	int lockAtLimit(@Param("username") String username, @Param("limit") int limit, @Param("until") Instant until);

}
