package io.migrescue.cli;

import io.migrescue.failure.MigrescueException;
import picocli.CommandLine.Command;

/** The shell's {@code plan}: {@code repair --dry-run}, every statement shown, nothing changed. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Show the repair as a dry run: the playbook diagnose recommends (or ID), the backup it takes, "
                    + "every statement of every step, and the checks at the end. Changes nothing; decisions are asked "
                    + "for.",
            ""
        },
        footer = {
            "",
            "--save-plan FILE keeps the plan shown; repair --plan FILE later runs exactly it (exit 7 if the "
                    + "database changed); plan --plan FILE shows a saved plan and whether it still fits.",
            "Example: plan        plan rename-conflicting-constraint --param suffix=_v1        plan "
                    + "--save-plan fix.json"
        })
final class PlanCommand extends RepairCommand {
    @Override
    public Integer call() {
        if (go.yes) {
            throw MigrescueException.usage("plan changes nothing; to carry the plan out: repair");
        }
        dryRun = true;
        return super.call();
    }
}
