// SPDX-License-Identifier: MIT
// kvtriage-cli: the headless twin of the kvtriage desktop app (spec/cli.md).
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/cli_args.h"
#include "app/cli/command_help.h"
#include "app/cli/commands.h"

int main(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kvt::cli::usageText();
        return args.empty() ? kvt::cli::kExitUsage : kvt::cli::kExitOk;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    if (const auto help = kvt::cli::commandHelp(command); help && kvt::cli::asksForHelp(args)) {
        std::cout << *help;
        return kvt::cli::kExitOk;
    }
    try {
        if (command == "inspect")
            return kvt::cli::runInspect(args);
        if (command == "generate")
            return kvt::cli::runGenerate(args);
        if (command == "decompose")
            return kvt::cli::runDecompose(args);
        if (command == "bench")
            return kvt::cli::runBench(args);
        if (command == "series")
            return kvt::cli::runSeries(args);
        if (command == "detect")
            return kvt::cli::runDetect(args);
        if (command == "records")
            return kvt::cli::runRecords(args);
        if (command == "backtest")
            return kvt::cli::runBacktest(args);
        std::cerr << "kvtriage-cli: unknown command '" << command << "'\n" << kvt::cli::usageText();
        return kvt::cli::kExitUsage;
    } catch (const kvt::cli::UsageError &e) {
        std::cerr << "kvtriage-cli " << command << ": " << e.what() << '\n';
        return kvt::cli::kExitUsage;
    } catch (const std::exception &e) {
        std::cerr << "kvtriage-cli " << command << ": " << e.what() << '\n';
        return kvt::cli::kExitFailed;
    }
}
