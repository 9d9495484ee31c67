package verify_test

import (
	"testing"

	"github.com/google/go-sev-guest/abi"
	"github.com/google/uuid"
)

type abiCertTable struct{ t abi.CertTable }

var guids = map[string]string{"ark": abi.ArkGUID, "ask": abi.AskGUID, "vcek": abi.VcekGUID}

func (c *abiCertTable) parse(t *testing.T, b []byte) {
	if err := c.t.Unmarshal(b); err != nil {
		t.Fatal(err)
	}
}

func (c *abiCertTable) set(name string, der []byte) {
	g := uuid.MustParse(guids[name])
	for i := range c.t.Entries {
		if c.t.Entries[i].GUID == g {
			c.t.Entries[i].RawCert = der
			return
		}
	}
	c.t.Entries = append(c.t.Entries, abi.CertTableEntry{GUID: g, RawCert: der})
}

func (c *abiCertTable) marshal() []byte { return c.t.Marshal() }
