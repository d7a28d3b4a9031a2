// Command veil is Veil's single binary: a decentralized, encrypted-mempool
// sequencer for Ethereum rollups. Each concern is a subcommand.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCmd(os.Stdin, os.Stdout, os.Stderr).ExecuteContext(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "veil:", err)
		os.Exit(1)
	}
}

// newRootCmd builds the command tree around the given streams so tests can
// run it in-process.
func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "veil",
		Short: "Veil: a decentralized sequencer with an encrypted mempool",
		Long: `Veil orders rollup transactions without a trusted operator: wallets
threshold-encrypt transactions to the committee's eon key (Shutter's scheme),
builders bid in a sealed auction for each slot, CometBFT validators commit the
winning order, and only then do keypers release the keys that decrypt it.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newL1Cmd(), newRollupCmd(), newEncryptCmd(), newDecryptCmd(), newIdentityCmd(), newDemoCmd(),
		newDKGCmd(), newKeyperCmd(), newCombineCmd(), newDevnetCmd(), newNodeCmd(), newWalletCmd(), newBenchCmd(), newBuilderCmd(), newFollowCmd(), newValidatorCmd())
	return root
}
