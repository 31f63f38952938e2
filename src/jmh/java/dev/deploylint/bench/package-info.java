/**
 * JMH microbenchmarks of deploylint's hot paths, run by {@code bench/jmh} and built only with the
 * Maven profile {@code jmh}. Every benchmark reports the average time per operation in
 * microseconds, from one fork and 5 measured iterations of 1 s. Warmup is long because the time per
 * operation keeps falling while the JIT compiles the ANTLR parser and the rules: on the 2-core
 * machine parsing settles after about 5 s and linting a whole app after about 20 s, so LintApp
 * warms up for 10 iterations of 2 s and the others for 5 of 2 s. JMH's command-line options
 * override all of it.
 */
package dev.deploylint.bench;
