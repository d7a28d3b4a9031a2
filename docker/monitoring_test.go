// Package docker holds the tests of the container setup's monitoring: the
// Prometheus config, alert rules and their unit tests (with promtool, from
// Debian's prometheus package), the Grafana provisioning and dashboards,
// and that every metric a dashboard or rule names is exported by a running
// devnet.
package docker

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/veil-sequencer/veil/devnettest"
)

const (
	promConfig   = "prometheus/prometheus.yml"
	alertRules   = "prometheus/alerts.yml"
	alertTests   = "prometheus/alerts_test.yml"
	dashboardDir = "grafana/dashboards"
	dataSources  = "grafana/provisioning/datasources"
)

// promtool finds promtool; CI installs it (.ci/run), so its absence is a
// failure, not a skip.
func promtool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("promtool")
	if err != nil {
		t.Fatal("promtool not found: install Debian's prometheus package (apt-get install --no-install-recommends prometheus), as .ci/run does")
	}
	return p
}

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestPrometheus: the scrape config and the rules pass promtool's checks,
// the rules' unit tests pass, and every alert has a test where it fires
// and one where it stays quiet.
func TestPrometheus(t *testing.T) {
	pt := promtool(t)
	runTool(t, pt, "check", "config", promConfig)
	runTool(t, pt, "check", "rules", alertRules)
	runTool(t, pt, "test", "rules", alertTests)

	var tests struct {
		Tests []struct {
			Name  string `yaml:"name"`
			Cases []struct {
				Alert string `yaml:"alertname"`
				Exp   []any  `yaml:"exp_alerts"`
			} `yaml:"alert_rule_test"`
		} `yaml:"tests"`
	}
	readYAML(t, alertTests, &tests)
	fires, quiet := map[string]bool{}, map[string]bool{}
	for _, tc := range tests.Tests {
		for _, c := range tc.Cases {
			if len(c.Exp) > 0 {
				fires[c.Alert] = true
			} else {
				quiet[c.Alert] = true
			}
		}
	}
	alerts := 0
	for _, r := range readRules(t) {
		if r.Alert == "" {
			continue
		}
		alerts++
		if !fires[r.Alert] || !quiet[r.Alert] {
			t.Errorf("alert %s: a test where it fires: %v, where it stays quiet: %v (%s)", r.Alert, fires[r.Alert], quiet[r.Alert], alertTests)
		}
	}
	if alerts == 0 {
		t.Fatalf("no alerts read from %s", alertRules)
	}
}

type rule struct {
	Alert  string `yaml:"alert"`
	Record string `yaml:"record"`
	Expr   string `yaml:"expr"`
}

func readRules(t *testing.T) []rule {
	t.Helper()
	var f struct {
		Groups []struct {
			Rules []rule `yaml:"rules"`
		} `yaml:"groups"`
	}
	readYAML(t, alertRules, &f)
	var out []rule
	for _, g := range f.Groups {
		out = append(out, g.Rules...)
	}
	return out
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(raw, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// dashboard is a Grafana dashboard file and the PromQL in it.
type dashboard struct {
	file, uid   string
	exprs       []string // panels' targets
	queries     []string // template variables' queries (label_values(…))
	datasources []string // the uids its panels and targets name
}

func readDashboards(t *testing.T) []dashboard {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dashboardDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dashboards in %s (%v)", dashboardDir, err)
	}
	var out []dashboard
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		d := dashboard{file: f}
		d.uid, _ = doc["uid"].(string)
		walkJSON(doc, "", func(key string, v any) {
			switch s, _ := v.(string); key {
			case "expr":
				d.exprs = append(d.exprs, s)
			case "definition":
				d.queries = append(d.queries, s)
			case "datasource.uid":
				d.datasources = append(d.datasources, s)
			}
		})
		out = append(out, d)
	}
	return out
}

// walkJSON calls f with every value under an object key, named by the key
// (and "datasource.uid" for a datasource object's uid).
func walkJSON(v any, key string, f func(key string, v any)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if key == "datasource" {
				k = key + "." + k
			}
			f(k, x)
			walkJSON(x, k, f)
		}
	case []any:
		for _, x := range v {
			walkJSON(x, key, f)
		}
	}
}

// TestDashboards: every dashboard is JSON with a uid of its own, queries
// the provisioned data source, and every panel's expression is PromQL
// promtool accepts (checked as recording rules, Grafana's variables
// replaced).
func TestDashboards(t *testing.T) {
	pt := promtool(t)
	var ds struct {
		DataSources []struct {
			UID  string `yaml:"uid"`
			Type string `yaml:"type"`
		} `yaml:"datasources"`
	}
	files, err := filepath.Glob(filepath.Join(dataSources, "*.yml"))
	if err != nil || len(files) != 1 {
		t.Fatalf("want one data source file in %s, have %v (%v)", dataSources, files, err)
	}
	readYAML(t, files[0], &ds)
	if len(ds.DataSources) != 1 || ds.DataSources[0].Type != "prometheus" {
		t.Fatalf("%s: want one prometheus data source, have %+v", files[0], ds.DataSources)
	}
	uid := ds.DataSources[0].UID

	type recording struct {
		Record string `yaml:"record"`
		Expr   string `yaml:"expr"`
	}
	var rules []recording
	uids := map[string]string{}
	vars := strings.NewReplacer("$__rate_interval", "1m", "$__interval", "5s", "$node", ".*")
	for _, d := range readDashboards(t) {
		if d.uid == "" || uids[d.uid] != "" {
			t.Errorf("%s: uid %q missing or also %s's", d.file, d.uid, uids[d.uid])
		}
		uids[d.uid] = d.file
		if len(d.exprs) == 0 {
			t.Errorf("%s: no panel queries", d.file)
		}
		for _, u := range d.datasources {
			if u != uid {
				t.Errorf("%s: data source %q, provisioned is %q", d.file, u, uid)
			}
		}
		for _, e := range d.exprs {
			rules = append(rules, recording{Record: fmt.Sprintf("dashboard:expr_%d", len(rules)), Expr: vars.Replace(e)})
		}
	}
	raw, err := yaml.Marshal(map[string]any{"groups": []any{map[string]any{"name": "dashboards", "rules": rules}}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "dashboards.yml")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	runTool(t, pt, "check", "rules", path)
}

// metricName finds the metric names in PromQL: Veil's (veil_*) and the Go
// and process collectors' (go_*, process_*), as written, so a histogram's
// series keep their _bucket, _sum and _count. Quoted strings (label values,
// Grafana's legends) are left out first.
var (
	quoted     = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|` + "`[^`]*`")
	metricName = regexp.MustCompile(`(?:^|[^a-zA-Z0-9_:])((?:veil|go|process)_[a-zA-Z0-9_:]*)`)
)

func metricNames(expr string) []string {
	var out []string
	for _, m := range metricName.FindAllStringSubmatch(quoted.ReplaceAllString(expr, `""`), -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

func TestMetricNames(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string
	}{
		{`veil_committed_slot`, []string{"veil_committed_slot"}},
		{`histogram_quantile(0.9, sum by (le, stage) (rate(veil_decryption_seconds_bucket{job="veil-node",instance=~"$node"}[$__rate_interval])))`,
			[]string{"veil_decryption_seconds_bucket"}},
		{`rate(veil_slot_interval_seconds_sum[2m]) / rate(veil_slot_interval_seconds_count[2m]) > 2 * veil_slot_target_seconds`,
			[]string{"veil_slot_interval_seconds_sum", "veil_slot_interval_seconds_count", "veil_slot_target_seconds"}},
		{`sum by (code) (rate(veil_api_rejections_total{code="veil_not_a_metric", x='go_nor_this'}[1m])) > 0`, []string{"veil_api_rejections_total"}},
		{`process_resident_memory_bytes + go_goroutines - up - my_veil_thing - ALERTS{alertname="x"}`, []string{"process_resident_memory_bytes", "go_goroutines"}},
		{`label_values(veil_committed_slot{job="veil-node"}, instance)`, []string{"veil_committed_slot"}},
	} {
		if got := metricNames(tc.expr); !slices.Equal(got, tc.want) {
			t.Errorf("metricNames(%s) = %v, want %v", tc.expr, got, tc.want)
		}
	}
}

// TestMetricsExported runs a devnet (veil devnet: four validators, its
// embedded L1, builders, load and a rollup node), waits until every node
// has decrypted a few bundles, scrapes every node's /metrics and the
// rollup node's, and fails naming every metric a dashboard or an alert
// rule uses that no process exports. It also checks that the metrics the
// alerts lean on move as the devnet does.
func TestMetricsExported(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a devnet")
	}
	used := map[string][]string{} // metric → where it is used
	for _, r := range readRules(t) {
		name := r.Alert + r.Record
		for _, m := range metricNames(r.Expr) {
			used[m] = append(used[m], alertRules+" "+name)
		}
	}
	if len(used) == 0 {
		t.Fatalf("no metric names in %s", alertRules)
	}
	for _, d := range readDashboards(t) {
		n := 0
		for _, e := range append(d.exprs, d.queries...) {
			for _, m := range metricNames(e) {
				if !slices.Contains(used[m], d.file) {
					used[m] = append(used[m], d.file)
				}
				n++
			}
		}
		if n == 0 {
			t.Fatalf("no metric names in %s", d.file)
		}
	}

	start := time.Now()
	dir := t.TempDir()
	veil := devnettest.Build(t, dir) // before the deadline: a fresh build cache takes minutes
	t.Logf("veil built in %v", time.Since(start).Round(time.Millisecond))
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	base := devnettest.FreePorts(t, 9) // four APIs, four keyper listeners, the rollup node
	var dn devnetInfo
	devnettest.Read(t, devnettest.Start(t, ctx, veil, dir, "--http", fmt.Sprintf("127.0.0.1:%d", base),
		"--l1-http", "127.0.0.1:0", "--rollup-rpc", fmt.Sprintf("127.0.0.1:%d", base+8), "--builders", "2", "--load", "2"), &dn)

	// A few bundles decrypted on every node: by then every part of the
	// node (keyper, batches, L1 watcher, auction) has run.
	scrape := func(url string) map[string]float64 {
		m, err := scrapeMetrics(ctx, url+"/metrics")
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	deadline := time.Now().Add(90 * time.Second)
	for {
		done := true
		for _, n := range dn.Nodes {
			if scrape(n)[`veil_decryption_seconds_count{stage="total"}`] < 3 {
				done = false
			}
		}
		if done {
			t.Logf("every node decrypted 3 bundles %v after the start", time.Since(start).Round(time.Millisecond))
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the nodes did not decrypt 3 bundles each in 90 s")
		}
		time.Sleep(500 * time.Millisecond)
	}

	exported := map[string]bool{}
	nodes := make([]map[string]float64, len(dn.Nodes))
	for i, n := range dn.Nodes {
		nodes[i] = scrape(n)
		for s := range nodes[i] {
			exported[nameOf(s)] = true
		}
	}
	rollup := scrape(dn.Rollup.RPC)
	for s := range rollup {
		exported[nameOf(s)] = true
	}
	var missing []string
	for m, where := range used {
		if !exported[m] {
			missing = append(missing, fmt.Sprintf("%s (used in %s)", m, strings.Join(where, ", ")))
		}
	}
	slices.Sort(missing)
	for _, m := range missing {
		t.Errorf("no process exports %s", m)
	}
	t.Logf("%d metrics used by the dashboards and rules, all exported", len(used)-len(missing))

	// The new metrics hold what the devnet did.
	target := float64(dn.BlockTimeMs) / 1000
	for i, m := range nodes {
		for _, c := range []struct {
			series string
			ok     bool
		}{
			{"veil_slot_target_seconds", m["veil_slot_target_seconds"] == target},
			{"veil_committed_slot", m["veil_committed_slot"] >= 3},
			{"veil_slot_interval_seconds_count", m["veil_slot_interval_seconds_count"] >= 2},
			{"veil_slot_interval_seconds mean", m["veil_slot_interval_seconds_sum"]/m["veil_slot_interval_seconds_count"] >= target/2},
			{"veil_decrypted_slot", m["veil_decrypted_slot"] > 0 && m["veil_decrypted_slot"] <= m["veil_committed_slot"]},
			{"veil_envelopes_committed_total", m["veil_envelopes_committed_total"] >= 3},
			{"veil_auction_slots_total", sumOf(m, "veil_auction_slots_total") >= 1 &&
				sumOf(m, "veil_auction_slots_total") <= m["veil_committed_slot"]},
			{`veil_shares_missing_total{keyper="4"}`, hasSeries(m, `veil_shares_missing_total{keyper="4"}`)},
			{`veil_api_rejections_total{code="nonce_gap"}`, hasSeries(m, `veil_api_rejections_total{code="nonce_gap"}`)},
			{`veil_batches{state="signed"}`, hasSeries(m, `veil_batches{state="signed"}`)},
		} {
			if !c.ok {
				t.Errorf("node %d: %s does not fit the devnet (slot %v s): %v", i, c.series, target, pick(m, strings.Fields(c.series)[0]))
			}
		}
	}
	accepted := 0.0
	for _, m := range nodes {
		accepted += m[`veil_api_accepted_total{kind="transaction"}`]
	}
	if accepted == 0 {
		t.Error(`veil_api_accepted_total{kind="transaction"} is 0 on every node under the devnet's load`)
	}
}

// devnetInfo is what the test reads of devnet.json.
type devnetInfo struct {
	BlockTimeMs int64    `json:"blockTimeMs"`
	Nodes       []string `json:"nodes"`
	Rollup      *struct {
		RPC string `json:"rpc"`
	} `json:"rollup"`
}

// scrapeMetrics reads a Prometheus text exposition: each series (name and
// labels as written, e.g. `veil_batches{state="signed"}`) and its value.
func scrapeMetrics(ctx context.Context, url string) (map[string]float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			return nil, fmt.Errorf("%s: line %q", url, line)
		}
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: line %q: %w", url, line, err)
		}
		out[line[:i]] = v
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	return out, nil
}

// nameOf is a series' metric name.
func nameOf(series string) string {
	if i := strings.IndexByte(series, '{'); i >= 0 {
		return series[:i]
	}
	return series
}

func sumOf(m map[string]float64, name string) float64 {
	s := 0.0
	for k, v := range m {
		if nameOf(k) == name {
			s += v
		}
	}
	return s
}

func hasSeries(m map[string]float64, series string) bool {
	_, ok := m[series]
	return ok
}

// pick is the series of m whose name starts as prefix's does, for a
// failure's message.
func pick(m map[string]float64, prefix string) map[string]float64 {
	name := nameOf(prefix)
	out := map[string]float64{}
	for k, v := range m {
		if strings.HasPrefix(k, name) {
			out[k] = v
		}
	}
	return out
}
