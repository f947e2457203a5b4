package io.migrescue.cli;

import io.migrescue.app.DiagnosisReport;
import io.migrescue.app.ExplainUseCase;
import io.migrescue.cli.Exits.Exit;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.report.DiagnosisRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Explain an error text alone, without a database: what it means and which repair would fit.",
            "Reads standard input when neither --error nor --error-file is given.",
            ""
        },
        footer = {"", "Example: kubectl logs deploy/api | migrescue explain"})
@Exits({
    @Exit(value = ExitCode.OK, means = "recognised"),
    @Exit(value = ExitCode.ATTENTION, means = "not recognised"),
    @Exit(ExitCode.USAGE)
})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ErrorInputOptions errorInput;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        String text = errorInput.given() ? errorInput.text() : errorInput.stdin();
        if (text == null || text.isBlank()) {
            throw MigrescueException.usage("no error text: give --error TEXT, --error-file FILE, or pipe it in");
        }
        DiagnosisReport report = ExplainUseCase.run(text);
        spec.commandLine().getOut().print(DiagnosisRenderer.render(report, output.format()));
        spec.commandLine().getOut().flush();
        return report.hasFindings() ? ExitCode.OK.code() : ExitCode.ATTENTION.code();
    }
}
