package dev.faultline.demo.inventory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The inventory demo service: a small stock API with Chaos Monkey for Spring Boot built in, so
 * experiments can inject latency and exceptions into its REST controllers at runtime.
 */
@SpringBootApplication
public class InventoryApplication {

    public static void main(String[] args) {
        SpringApplication.run(InventoryApplication.class, args);
    }
}
