package postern.security;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, Long> {

	List<RecoveryCode> findByAdminIdAndUsedAtIsNull(Long adminId);

	long countByAdminIdAndUsedAtIsNull(Long adminId);

	@Modifying
	@Query("delete from RecoveryCode c where c.adminId = :adminId")
	void deleteByAdminId(@Param("adminId") Long adminId);

}
