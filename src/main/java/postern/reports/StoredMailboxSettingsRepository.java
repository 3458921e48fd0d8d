package postern.reports;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredMailboxSettingsRepository extends JpaRepository<StoredMailboxSettings, Long> {

}
