package node

import "testing"

// TestMemoryFor: a budget is split across every cache, none left unbounded
// (a zero bound would fall back to a cache's own default, above a small
// budget) and the sum within the budget.
func TestMemoryFor(t *testing.T) {
	for _, budget := range []int64{8 << 20, 40 << 20, DefaultMemoryBytes, 1 << 34} {
		m := MemoryFor(budget)
		var total int64
		for name, v := range map[string]int64{"StoreBlocks": m.StoreBlocks, "StoreValues": m.StoreValues,
			"FeedEvents": m.FeedEvents, "FeedReveals": m.FeedReveals, "KeyperReveals": m.KeyperReveals} {
			if v <= 0 {
				t.Errorf("budget %d: %s is %d", budget, name, v)
			}
			total += v
		}
		if total > budget {
			t.Errorf("budget %d: caches sum to %d", budget, total)
		}
		if o := m.store(); o.BlockCacheBytes != m.StoreBlocks || o.ValueCacheBytes != m.StoreValues {
			t.Errorf("budget %d: store options %+v", budget, o)
		}
	}
}
