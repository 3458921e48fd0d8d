package postern.host;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalHostCrashTests {

	private static final Path CRASHING_WRITER = Path.of("src/test/child-jvm/postern/host/CrashingWriter.java");

	/** The exit status of {@code CrashingWriter} when it died in the fault hook. */
	private static final int CRASHING_WRITER_HALTED = 77;

	private static final String OLD = "example.org {\n\troot * /var/caddy/www/example\n}\n";

	@TempDir
	Path root;

	@Test
	void writeWhenFailingBeforeRenameKeepsOldFileAndRemovesTempFile() throws IOException {
		Path folder = Files.createDirectories(this.root.resolve("etc"));
		Path target = folder.resolve("Caddyfile");
		Files.writeString(target, OLD);
		LocalHost host = new LocalHost("test", new PosternProperties.Backups(this.root.resolve("backups"), 3),
				(event) -> {
				}, Clock.systemUTC());
		Path[] seen = new Path[1];
		host.faultHook((temp, file) -> {
			seen[0] = temp;
			assertThat(temp.getParent()).isEqualTo(target.getParent());
			assertThat(temp.getFileName().toString()).startsWith(".Caddyfile.postern-").endsWith(".tmp");
			assertThat(Files.readString(temp)).isEqualTo("new content\n");
			throw new IOException("disk full");
		});
		FileSnapshot before = host.read(target);
		assertThatExceptionOfType(HostException.class)
			.isThrownBy(() -> host.write(target, "new content\n".getBytes(StandardCharsets.UTF_8), before))
			.withMessageContaining("disk full");
		assertThat(seen[0]).isNotNull();
		assertThat(Files.readString(target)).isEqualTo(OLD);
		assertThat(files(folder)).containsExactly(target);
	}

	@Test
	void writeWhenTheDiskFillsUpKeepsOldFileAndRemovesTheHalfWrittenTempFile() throws IOException {
		Path folder = Files.createDirectories(this.root.resolve("etc"));
		Path target = folder.resolve("Caddyfile");
		Files.writeString(target, OLD);
		LocalHost host = new LocalHost("test", new PosternProperties.Backups(this.root.resolve("backups"), 3),
				(event) -> {
				}, Clock.systemUTC());
		Path[] half = new Path[1];
		host.faultHook(new WriteFaultHook() {

			@Override
			public void beforeRename(Path temp, Path file) {
				throw new AssertionError("the rename must never be reached");
			}

			@Override
			public WritableByteChannel channel(Path temp, FileChannel channel) {
				half[0] = temp;
				return new DiskFullChannel(channel, 64 * 1024);
			}

		});
		FileSnapshot before = host.read(target);
		byte[] next = "y".repeat(1_000_000).getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(HostException.class).isThrownBy(() -> host.write(target, next, before))
			.withMessageContaining("No space left on device");

		assertThat(half[0]).as("the half-written temp file").isNotNull().doesNotExist();
		assertThat(Files.readAllBytes(target)).isEqualTo(OLD.getBytes(StandardCharsets.UTF_8));
		assertThat(files(folder)).containsExactly(target);
		// Once there is room again, the next write goes through
		host.faultHook(WriteFaultHook.NONE);
		host.write(target, next, host.read(target));
		assertThat(Files.readAllBytes(target)).isEqualTo(next);
	}

	@Test
	void writeWhenJvmDiesBeforeRenameLeavesOldFileWhole() throws Exception {
		Path folder = Files.createDirectories(this.root.resolve("etc"));
		Path target = folder.resolve("Caddyfile");
		Files.writeString(target, OLD);
		String java = ProcessHandle.current().info().command().orElse("java");
		String next = "x".repeat(1_000_000);
		Path source = Files.writeString(this.root.resolve("next"), next);
		String classpath = compileCrashingWriter() + File.pathSeparator + System.getProperty("java.class.path");
		Process child = new ProcessBuilder(java, "-cp", classpath, "postern.host.CrashingWriter", target.toString(),
				this.root.resolve("backups").toString(), source.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.root.resolve("child.log").toFile())
			.start();
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(child.exitValue()).as(Files.readString(this.root.resolve("child.log")))
			.isEqualTo(CRASHING_WRITER_HALTED);
		assertThat(Files.readAllBytes(target)).isEqualTo(OLD.getBytes(StandardCharsets.UTF_8));
		// The halt skipped the clean-up: the complete temp file is left next to the
		// target
		List<Path> leftovers = files(folder).stream().filter((file) -> !file.equals(target)).toList();
		assertThat(leftovers).hasSize(1);
		assertThat(Files.readString(leftovers.get(0))).isEqualTo(next);
	}

	/**
	 * Compile the child JVM's main class into a temp folder.
	 * @return the folder holding its class
	 */
	private Path compileCrashingWriter() throws IOException {
		Path classes = Files.createDirectories(this.root.resolve("child-classes"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler).as("a JDK with javac").isNotNull();
		int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
				System.getProperty("java.class.path"), CRASHING_WRITER.toString());
		assertThat(status).as("javac of " + CRASHING_WRITER).isZero();
		return classes;
	}

	/**
	 * A file channel on a disk that fills up: it takes a number of bytes, then fails as
	 * Linux does with {@code ENOSPC}.
	 */
	private static final class DiskFullChannel implements WritableByteChannel {

		private final FileChannel channel;

		private long room;

		DiskFullChannel(FileChannel channel, long room) {
			this.channel = channel;
			this.room = room;
		}

		@Override
		public int write(ByteBuffer source) throws IOException {
			if (this.room == 0) {
				throw new IOException("No space left on device");
			}
			ByteBuffer slice = source.slice();
			slice.limit((int) Math.min(slice.remaining(), this.room));
			int written = this.channel.write(slice);
			source.position(source.position() + written);
			this.room -= written;
			return written;
		}

		@Override
		public boolean isOpen() {
			return this.channel.isOpen();
		}

		@Override
		public void close() throws IOException {
			this.channel.close();
		}

	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.toList();
		}
	}

}
