package watch

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/teeoracle/teeoracle/relayer/store"
)

// checkpointKey holds the watcher's progress in its bucket.
var checkpointKey = []byte("checkpoint")

// BlockID names one block.
type BlockID struct {
	Number uint64      `json:"number"`
	Hash   common.Hash `json:"hash"`
}

// checkpoint is the watcher's durable progress. It is rewritten whole in the same batch as
// the handler's writes for a block, so the two never disagree after a crash.
type checkpoint struct {
	// Registry guards against pointing one store at two registries.
	Registry common.Address `json:"registry"`
	// Next is the first block not yet processed.
	Next uint64 `json:"next"`
	// Recent are processed blocks whose hash is known, ascending, no more than the
	// confirmation depth below Next-1. They are what a reorg is measured against: the
	// highest of them still on the canonical chain is the common ancestor. Empty blocks
	// passed during a deep backfill are absent (their hashes were never fetched), which
	// can only make a rewind go further back than needed, never less.
	Recent []BlockID `json:"recent"`
}

func (c checkpoint) clone() checkpoint {
	c.Recent = append([]BlockID(nil), c.Recent...)
	return c
}

// tip is the highest processed block whose hash is known.
func (c checkpoint) tip() (BlockID, bool) {
	if len(c.Recent) == 0 {
		return BlockID{}, false
	}
	return c.Recent[len(c.Recent)-1], true
}

// at returns the remembered block at height n.
func (c checkpoint) at(n uint64) (BlockID, bool) {
	for _, id := range c.Recent {
		if id.Number == n {
			return id, true
		}
	}
	return BlockID{}, false
}

// processed is the last processed block; its hash is zero when it was not fetched.
func (c checkpoint) processed() BlockID {
	if c.Next == 0 {
		return BlockID{}
	}
	if tip, ok := c.tip(); ok && tip.Number == c.Next-1 {
		return tip
	}
	return BlockID{Number: c.Next - 1}
}

// advance marks id processed (with everything below it) and forgets blocks that fell out of
// the reorg window.
func (c *checkpoint) advance(id BlockID, window uint64) {
	c.Recent = append(c.Recent, id)
	c.skipTo(id.Number+1, window)
}

// skipTo marks every block below next processed.
func (c *checkpoint) skipTo(next, window uint64) {
	if next <= c.Next {
		return
	}
	c.Next = next
	// Keep window+1 blocks: a reorg replacing `window` blocks still finds its ancestor.
	keep := 0
	for keep < len(c.Recent) && c.Recent[keep].Number+window < next-1 {
		keep++
	}
	c.Recent = c.Recent[keep:]
}

// rewind forgets every block above ancestor.
func (c *checkpoint) rewind(ancestor uint64) {
	c.Next = ancestor + 1
	n := 0
	for n < len(c.Recent) && c.Recent[n].Number <= ancestor {
		n++
	}
	c.Recent = c.Recent[:n]
}

func loadCheckpoint(b *store.Bucket, registry common.Address, start uint64) (checkpoint, bool, error) {
	raw, err := b.Get(checkpointKey)
	if errors.Is(err, store.ErrNotFound) {
		return checkpoint{Registry: registry, Next: start}, false, nil
	}
	if err != nil {
		return checkpoint{}, false, fmt.Errorf("read watcher checkpoint: %w", err)
	}
	var c checkpoint
	if err := json.Unmarshal(raw, &c); err != nil {
		return checkpoint{}, false, fmt.Errorf("decode watcher checkpoint: %w", err)
	}
	if c.Registry != registry {
		return checkpoint{}, false, fmt.Errorf("the watcher checkpoint in this store follows registry %s, but the configured registry is %s: "+
			"use a separate store (or bucket) per registry", c.Registry.Hex(), registry.Hex())
	}
	for i := 1; i < len(c.Recent); i++ {
		if c.Recent[i].Number <= c.Recent[i-1].Number {
			return checkpoint{}, false, fmt.Errorf("watcher checkpoint is corrupt: recent blocks not ascending (%d after %d)",
				c.Recent[i].Number, c.Recent[i-1].Number)
		}
	}
	if tip, ok := c.tip(); ok && tip.Number >= c.Next {
		return checkpoint{}, false, fmt.Errorf("watcher checkpoint is corrupt: remembers block %d but next block is %d", tip.Number, c.Next)
	}
	return c, true, nil
}

func (c checkpoint) put(batch *store.Batch, b *store.Bucket) error {
	raw, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode watcher checkpoint: %w", err)
	}
	batch.Put(b, checkpointKey, raw)
	return nil
}

// Reset deletes the checkpoint in bucket (DefaultBucket if empty) through batch, so the next
// watcher starts at its Config.StartBlock. Whoever resets must also drop the handler's state
// that the forgotten blocks built (relayer.Resync does both in one batch).
func Reset(batch *store.Batch, st *store.Store, bucket string) {
	if bucket == "" {
		bucket = DefaultBucket
	}
	batch.Delete(st.Bucket(bucket), checkpointKey)
}
