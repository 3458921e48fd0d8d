package postern.host;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A host that records every command it is asked to run, then runs it on another host.
 */
public class RecordingHost extends ForwardingHost {

	private final List<Command> commands = new CopyOnWriteArrayList<>();

	public RecordingHost(Host delegate) {
		super(delegate);
	}

	@Override
	public CommandResult run(Command command) {
		this.commands.add(command);
		return super.run(command);
	}

	/**
	 * The commands run so far, oldest first.
	 * @return the commands
	 */
	public List<Command> commands() {
		return List.copyOf(this.commands);
	}

	public void clear() {
		this.commands.clear();
	}

}
