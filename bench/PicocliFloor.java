import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The floor under every command that picocli parses (issue 19): one command with two options and the standard help
 * options, from the jar's own picocli, doing nothing but print its option. {@code bench/startup.sh} runs it with the
 * launcher's JVM options and a start-up archive of its own ("picocli floor" rows). Its model built by code instead of
 * annotations cost about the same (measured 2026-12-07: 115 against 122 ms of CPU): what it costs is picocli's own
 * start, not reading annotations.
 *
 * <pre>java -cp target/migrescue.jar:CLASSES PicocliFloor --error text</pre>
 */
@Command(name = "floor", mixinStandardHelpOptions = true, description = "The picocli floor.")
public class PicocliFloor implements Callable<Integer> {
    @Option(names = "--error", description = "An error text.")
    String error = "";

    @Option(names = "--format", description = "text or json.")
    String format = "text";

    @Override
    public Integer call() {
        System.out.println(error.length() + " " + format);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PicocliFloor()).execute(args));
    }
}
