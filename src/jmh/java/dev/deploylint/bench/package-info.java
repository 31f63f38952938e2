/**
 * JMH microbenchmarks of deploylint's hot paths, run by {@code bench/jmh} and built only with the
 * Maven profile {@code jmh}. Every benchmark reports the average time per operation in
 * microseconds, from one fork with 5 warmup iterations of 2 s and 5 measured iterations of 1 s:
 * on the 2-core machine the ANTLR parser and the rules need about 8 s before the JIT has compiled
 * them and the time per operation stops falling. JMH's command-line options override all of it.
 */
package dev.deploylint.bench;
