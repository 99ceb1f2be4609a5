package dev.lantian.simulator.device;

/** The air around a climate sensor at one instant: temperature (C), relative humidity (%RH), pressure (hPa). */
public record WeatherState(double temperature, double humidity, double pressure) {
}
