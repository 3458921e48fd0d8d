package postern.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads admins from the database for the login form.
 */
@Service
class AdminUserDetailsService implements UserDetailsService {

	private final AdminRepository admins;

	AdminUserDetailsService(AdminRepository admins) {
		this.admins = admins;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.admins.findByUsername(username)
			.map((admin) -> User.withUsername(admin.getUsername())
				.password(admin.getPasswordHash())
				.roles("ADMIN")
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No such admin"));
	}

}
