package postern.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The audit log's events. Its pages are written as queries rather than derived from
 * method names: a derived query is built anew on every call, while the text of a query is
 * translated to SQL once and kept.
 */
interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

	@Query(value = "select e from AuditEvent e order by e.at desc, e.id desc",
			countQuery = "select count(e) from AuditEvent e")
	Page<AuditEvent> findAllByOrderByAtDescIdDesc(Pageable pageable);

	@Query("""
			select e from AuditEvent e
			where lower(e.actor) like lower(concat('%', :q, '%'))
			   or lower(e.action) like lower(concat('%', :q, '%'))
			   or lower(e.target) like lower(concat('%', :q, '%'))
			   or lower(e.clientAddress) like lower(concat('%', :q, '%'))
			order by e.at desc, e.id desc
			""")
	Page<AuditEvent> search(@Param("q") String query, Pageable pageable);

}
