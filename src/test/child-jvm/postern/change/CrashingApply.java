package postern.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import postern.PosternApplication;
import postern.host.Command;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.FileSnapshot;
import postern.host.ForwardingHost;
import postern.host.Host;
import postern.host.Hosts;
import postern.host.LocalHost;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Run in a child JVM by {@code ApplyCrashTests}: starts Postern (on a free loopback port)
 * on the test's server root and database, previews a change of the Caddyfile that Caddy's
 * reloader reloads, and applies it. The host stops the apply at one point, writes the
 * change's id to a marker file and waits there to be killed:
 * <ul>
 * <li>{@code before-reload}: the file is written, {@code systemctl reload} has not run;
 * <li>{@code before-verify}: {@code systemctl reload} ran, the check that Caddy is active
 * has not.
 * </ul>
 * It lives outside the test sources and is compiled by the test itself, so the test
 * classes hold one main class only.
 */
final class CrashingApply {

	private static volatile long changeId;

	private CrashingApply() {
	}

	/**
	 * Preview and apply, and be killed on the way.
	 * @param args the stop point, the marker file, a file holding the new Caddyfile, then
	 * Postern's settings as {@code --key=value}
	 */
	public static void main(String[] args) throws IOException {
		String point = args[0];
		Path marker = Path.of(args[1]);
		byte[] next = Files.readAllBytes(Path.of(args[2]));
		// A free port on loopback, as arguments: default properties would lose to
		// application.yml's 8080, which another server (Postern's quick start) may hold
		String[] settings = Stream
			.concat(List.of(args).subList(3, args.length).stream(),
					Stream.of("--server.port=0", "--server.address=127.0.0.1"))
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PosternApplication.class,
				PausingHostConfiguration.class)
			.properties("postern.crash.point=" + point, "postern.crash.marker=" + marker)
			.run(settings);
		ChangeService changes = context.getBean(ChangeService.class);
		Host host = context.getBean(Hosts.class).current();
		Path caddyfile = Path.of(context.getEnvironment().getRequiredProperty("postern.caddy.caddyfile"));
		FileSnapshot current = host.read(caddyfile);
		Change change = changes.preview(ChangeRequest.titled(null, List.of(), "crash " + point,
				List.of(FileEdit.of(current, next)), List.of("caddy")));
		changeId = change.getId();
		changes.apply(change.getId());
		// Reaching this line means the host never stopped: the test fails on the exit code
		System.exit(3);
	}

	/**
	 * The local host, stopping the apply around {@code systemctl reload}.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PausingHostConfiguration {

		@Bean
		@Primary
		Hosts pausingHosts(LocalHost localHost, org.springframework.core.env.Environment environment) {
			String point = environment.getRequiredProperty("postern.crash.point");
			Path marker = Path.of(environment.getRequiredProperty("postern.crash.marker"));
			Host pausing = new ForwardingHost(localHost) {

				@Override
				public CommandResult run(Command command) {
					boolean reload = command.kind() == CommandKind.SYSTEMCTL_RELOAD;
					if (reload && point.equals("before-reload")) {
						waitToBeKilled(marker);
					}
					CommandResult result = super.run(command);
					if (reload && point.equals("before-verify")) {
						waitToBeKilled(marker);
					}
					return result;
				}

			};
			return () -> pausing;
		}

		private static void waitToBeKilled(Path marker) {
			try {
				Path temp = Files.writeString(marker.resolveSibling(marker.getFileName() + ".tmp"),
						Long.toString(changeId));
				Files.move(temp, marker, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
				Thread.sleep(Long.MAX_VALUE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
