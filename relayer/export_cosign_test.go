package relayer

import "github.com/ethereum/go-ethereum/common"

// ChallengeToken returns the signed token of a challenge this relayer issued and has not yet
// seen used, as the relayer would send it to co-signing peers.
func (s *Service) ChallengeToken(nonce common.Hash) *ChallengeToken {
	c, err := getJSON[challenge](s.state.challenges, nonce.Bytes())
	if err != nil {
		return nil
	}
	return c.Token
}
