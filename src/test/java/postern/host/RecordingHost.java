package postern.host;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A host that records every command it is asked to run, every file it reads, and every
 * file it is asked to write, edit, write a temporary copy next to, or create a folder
 * for, then passes the call on to another host.
 */
public class RecordingHost extends ForwardingHost {

	private final List<Command> commands = new CopyOnWriteArrayList<>();

	private final List<FileOperation> fileOperations = new CopyOnWriteArrayList<>();

	private final List<Read> reads = new CopyOnWriteArrayList<>();

	public RecordingHost(Host delegate) {
		super(delegate);
	}

	@Override
	public CommandResult run(Command command) {
		this.commands.add(command);
		return super.run(command);
	}

	@Override
	public FileSnapshot read(Path path) {
		this.reads.add(new Read(path, Thread.currentThread()));
		return super.read(path);
	}

	@Override
	public FileSnapshot write(Path path, byte[] content, FileSnapshot expected) {
		this.fileOperations.add(new FileOperation(FileOperation.Kind.WRITE, path));
		return super.write(path, content, expected);
	}

	@Override
	public FileSnapshot edit(Path path, UnaryOperator<byte[]> transform) {
		this.fileOperations.add(new FileOperation(FileOperation.Kind.EDIT, path));
		return super.edit(path, transform);
	}

	@Override
	public TemporaryFile writeTemporary(Path near, byte[] content) {
		this.fileOperations.add(new FileOperation(FileOperation.Kind.TEMPORARY, near));
		return super.writeTemporary(near, content);
	}

	@Override
	public FileStatus createFolder(Path path) {
		this.fileOperations.add(new FileOperation(FileOperation.Kind.CREATE_FOLDER, path));
		return super.createFolder(path);
	}

	/**
	 * The commands run so far, oldest first.
	 * @return the commands
	 */
	public List<Command> commands() {
		return List.copyOf(this.commands);
	}

	/**
	 * The file operations asked for so far, oldest first.
	 * @return the operations
	 */
	public List<FileOperation> fileOperations() {
		return List.copyOf(this.fileOperations);
	}

	/**
	 * How many times the calling thread read a file so far: a MockMvc request runs on the
	 * test's thread, and background work (a health run) reads on threads of its own.
	 * @param path the file
	 * @return the count
	 */
	public long reads(Path path) {
		Thread caller = Thread.currentThread();
		return this.reads.stream().filter((read) -> read.path().equals(path) && read.thread() == caller).count();
	}

	public void clear() {
		this.commands.clear();
		this.fileOperations.clear();
		this.reads.clear();
	}

	/**
	 * A file operation asked of the host.
	 *
	 * @param kind what was asked
	 * @param path the file (for a temporary copy: the file it is a candidate of)
	 */
	public record FileOperation(Kind kind, Path path) {

		public enum Kind {

			WRITE, EDIT, TEMPORARY, CREATE_FOLDER

		}

	}

	private record Read(Path path, Thread thread) {
	}

}
