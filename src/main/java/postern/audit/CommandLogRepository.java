package postern.audit;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The command log's entries. Its pages are written as queries rather than derived from
 * method names: a derived query is built anew on every call, while the text of a query is
 * translated to SQL once and kept.
 */
interface CommandLogRepository extends JpaRepository<CommandLogEntry, Long> {

	@Query(value = "select e from CommandLogEntry e order by e.at desc, e.id desc",
			countQuery = "select count(e) from CommandLogEntry e")
	Page<CommandLogEntry> findAllByOrderByAtDescIdDesc(Pageable pageable);

	@Query("""
			select e from CommandLogEntry e
			where lower(e.actor) like lower(concat('%', :q, '%'))
			   or lower(e.command) like lower(concat('%', :q, '%'))
			   or lower(e.host) like lower(concat('%', :q, '%'))
			   or lower(e.clientAddress) like lower(concat('%', :q, '%'))
			order by e.at desc, e.id desc
			""")
	Page<CommandLogEntry> search(@Param("q") String query, Pageable pageable);

	@Modifying
	@Query("delete from CommandLogEntry e where e.at < :before")
	int deleteOlderThan(@Param("before") Instant before);

}
