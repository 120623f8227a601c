// Command benchserver is the local HTTP target of the Faultline benchmarks: a small httpbin-like
// server on the loopback interface, plus two floor measurements (the cost of one bare HTTP request
// and of one fork/exec) that per-activity overheads are compared against.
//
//	benchserver -listen 127.0.0.1:0             serve; prints "listening http://127.0.0.1:PORT"
//	benchserver -floor-http URL -n 1000          time N sequential GETs (keep-alive and new connections)
//	benchserver -floor-exec true -n 200          time N fork/execs of a program
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// slideshow is the document httpbin serves at /json; corpus experiments check paths inside it.
const slideshow = `{"slideshow": {"author": "Yours Truly", "date": "date of publication", "title": "Sample Slide Show",
 "slides": [{"title": "Wake up to WonderWidgets!", "type": "all"},
            {"items": ["Why <em>WonderWidgets</em> are great", "Who <em>buys</em> WonderWidgets"], "title": "Overview", "type": "all"}]}}`

type server struct {
	status   atomic.Int64 // status of every ordinary answer; 200 unless set through /_bench/status
	requests atomic.Int64
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_bench/") {
		s.admin(w, r)
		return
	}
	s.requests.Add(1)
	status := int(s.status.Load())
	path := r.URL.Path
	switch {
	case strings.HasPrefix(path, "/status/"):
		if code, err := strconv.Atoi(strings.TrimPrefix(path, "/status/")); err == nil && code >= 100 && code < 600 {
			status = code
		}
		w.WriteHeader(status)
	case strings.HasPrefix(path, "/delay/"):
		seconds, _ := strconv.ParseFloat(strings.TrimPrefix(path, "/delay/"), 64)
		time.Sleep(time.Duration(min(seconds, 10) * float64(time.Second)))
		writeJSON(w, status, map[string]any{"delayed": seconds})
	case path == "/json":
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprint(w, slideshow)
	case path == "/health" || path == "/ready" || path == "/live" || strings.HasSuffix(path, "/health"):
		writeJSON(w, status, map[string]any{"status": map[bool]string{true: "UP", false: "DOWN"}[status < 400]})
	case path == "/get" || strings.HasPrefix(path, "/anything"):
		writeJSON(w, status, map[string]any{"method": r.Method, "url": r.URL.String(), "args": r.URL.Query()})
	default:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprintf(w, "<html><body>benchserver %s</body></html>\n", path)
	}
}

// admin: /_bench/status?code=503 sets the status of every answer, /_bench/requests counts them.
func (s *server) admin(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/_bench/status":
		code, err := strconv.Atoi(r.URL.Query().Get("code"))
		if err != nil || code < 100 || code > 599 {
			http.Error(w, "code must be an HTTP status", http.StatusBadRequest)
			return
		}
		s.status.Store(int64(code))
		writeJSON(w, 200, map[string]any{"status": code})
	case "/_bench/requests":
		writeJSON(w, 200, map[string]any{"requests": s.requests.Load()})
	default:
		http.NotFound(w, r)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func serve(listen string) error {
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	s := &server{}
	s.status.Store(200)
	fmt.Printf("listening http://%s\n", ln.Addr())
	os.Stdout.Sync()
	return http.Serve(ln, s)
}

// floorHTTP prints the mean time of one GET, over keep-alive and over a new connection each time.
func floorHTTP(url string, n int) error {
	result := map[string]float64{}
	for _, keepAlive := range []bool{true, false} {
		client := &http.Client{Transport: &http.Transport{DisableKeepAlives: !keepAlive}, Timeout: 5 * time.Second}
		start := time.Now()
		for i := 0; i < n; i++ {
			resp, err := client.Get(url)
			if err != nil {
				return err
			}
			_, _ = drain(resp)
		}
		name := map[bool]string{true: "keep_alive_ms", false: "new_connection_ms"}[keepAlive]
		result[name] = float64(time.Since(start).Microseconds()) / 1000 / float64(n)
	}
	return json.NewEncoder(os.Stdout).Encode(result)
}

func drain(resp *http.Response) (int64, error) {
	defer resp.Body.Close()
	buf := make([]byte, 4096)
	var total int64
	for {
		k, err := resp.Body.Read(buf)
		total += int64(k)
		if err != nil {
			return total, nil
		}
	}
}

// floorExec prints the mean time of one fork/exec/wait of a program.
func floorExec(program string, n int) error {
	start := time.Now()
	for i := 0; i < n; i++ {
		if err := exec.Command(program).Run(); err != nil {
			return err
		}
	}
	ms := float64(time.Since(start).Microseconds()) / 1000 / float64(n)
	return json.NewEncoder(os.Stdout).Encode(map[string]float64{"exec_ms": ms})
}

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to serve on (loopback only)")
	httpURL := flag.String("floor-http", "", "time N GETs of this URL instead of serving")
	execProgram := flag.String("floor-exec", "", "time N runs of this program instead of serving")
	n := flag.Int("n", 1000, "requests or runs for the floor measurements")
	flag.Parse()
	var err error
	switch {
	case *httpURL != "":
		err = floorHTTP(*httpURL, *n)
	case *execProgram != "":
		err = floorExec(*execProgram, *n)
	default:
		if host, _, splitErr := net.SplitHostPort(*listen); splitErr != nil || !net.ParseIP(host).IsLoopback() {
			fmt.Fprintf(os.Stderr, "benchserver: -listen [%s] must be a loopback address such as 127.0.0.1:0\n", *listen)
			os.Exit(2)
		}
		err = serve(*listen)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchserver:", err)
		os.Exit(1)
	}
}
