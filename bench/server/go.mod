module faultline.dev/bench/server

go 1.22
