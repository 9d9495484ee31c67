package relayer

import "github.com/teeoracle/teeoracle/relayer/watch"

// EventsHandler exposes the watcher's handler to the external tests, which deliver blocks
// to it again as a watcher restarting before its checkpoint would.
func (s *Service) EventsHandler() watch.Handler { return events{s} }
